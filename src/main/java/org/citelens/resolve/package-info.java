/** Reference resolution: the works registry that gives every cited work one stable id. */
package org.citelens.resolve;
