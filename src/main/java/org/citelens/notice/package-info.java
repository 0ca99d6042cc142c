/**
 * Editorial notices (retractions, corrections, expressions of concern) kept beside an index: the Retraction Watch
 * CSV reader, the durable notice file that imports and ingests add to, and the snapshot the server reads.
 */
package org.citelens.notice;
