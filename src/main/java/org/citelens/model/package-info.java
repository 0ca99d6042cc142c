/** The records every pipeline stage passes on: articles, references, citation statements, labels. */
package org.citelens.model;
