/** The supporting / contrasting / mentioning classifier: features, training, evaluation, prediction. */
package org.citelens.classify;
