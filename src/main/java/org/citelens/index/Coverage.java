package org.citelens.index;

/**
 * What share of a cited work's known citing literature the index has read, as a harvest recorded it: the
 * citing works the open citation sources list ({@code known}) and those whose full text was read into the index
 * ({@code read}). Tallies of a work with a coverage are counts over {@code read} works, not over all of them.
 *
 * @param recorded when the harvest recorded it (ISO-8601 instant)
 */
public record Coverage(long known, long read, String recorded) {
    public Coverage {
        if (known < 0 || read < 0 || read > known) {
            throw new IllegalArgumentException("coverage needs 0 <= read <= known, not read " + read + " of " + known);
        }
    }
}
