/**
 * Bulk ingest on Apache Spark: the application's own parse, register, resolve, extract, classify and write, run as
 * Spark stages, with the works registry built in one ordered pass on the driver so the output equals the
 * single-machine ingest (docs/spark.md).
 */
package org.citelens.spark;
