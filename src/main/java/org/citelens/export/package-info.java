/**
 * The public formats of a statement: the JSON object (JSON Lines export, API items, the blob the index stores)
 * and the CSV row. Field and column names are a contract other tools rely on.
 */
package org.citelens.export;
