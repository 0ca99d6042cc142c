package org.citelens.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * The read side of the statement index, as the API and the export command use it. Safe for concurrent use;
 * sees new commits of a concurrent ingest after {@link #refresh()} (implementations also refresh on their own).
 * DOIs passed in are already normalised ({@link org.citelens.model.Doi}).
 */
public interface StatementStore extends Closeable {

    /** Tallies of the work with this DOI; empty when no statement cites it. */
    Optional<Tallies> tallies(String doi) throws IOException;

    /** Tallies of many DOIs in one pass; DOIs nothing cites are left out. */
    Map<String, Tallies> tallies(Collection<String> dois) throws IOException;

    Optional<SectionTallies> sectionTallies(String doi) throws IOException;

    /** Distinct citing publications per year of the citing article. */
    SortedMap<Integer, Long> citingPublicationsPerYear(String doi) throws IOException;

    /** The cited work's merged metadata as the index knows it. */
    Optional<CitedWork> work(String doi) throws IOException;

    /** Whether a statement cites the work with this DOI or the index holds it as a citing article. */
    boolean holdsWork(String doi) throws IOException;

    /** The statement with this id, as the index holds it now; empty when there is none. */
    Optional<CitationStatement> statement(String id) throws IOException;

    /** One page of statements, with facets when {@code withFacets}. Bad query text falls back to plain words. */
    SearchPage search(StatementQuery query, boolean withFacets) throws IOException;

    /** Every matching statement in a stable order with constant memory (ignores cursor and limit). */
    void forEach(StatementQuery query, Consumer<CitationStatement> sink) throws IOException;

    long statementCount() throws IOException;

    /** How many statements each labelling model labelled ({@code labelModel}); statements without one are left out. */
    default SortedMap<String, Long> labelModels() throws IOException {
        return new TreeMap<>();
    }

    /**
     * A number that changes whenever the visible index content changes (a new commit was picked up): a cheap
     * validator for HTTP ETags and caches.
     */
    default long version() throws IOException {
        return statementCount();
    }

    /** Picks up what a concurrent writer committed. */
    void refresh() throws IOException;
}
