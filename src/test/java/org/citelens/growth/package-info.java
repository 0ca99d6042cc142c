/**
 * Growth benchmark (issue 13, "Growth, measured"): a deterministic generator that multiplies the bundled corpus's real
 * statements to millions (distinct ids and citing articles, cited works drawn from a Zipf law) and writes them through
 * the real index writers, and a probe that measures the real stores at that size. Not part of the test suite (no
 * class here is a test); run as docs/scale.md says.
 */
package org.citelens.growth;
