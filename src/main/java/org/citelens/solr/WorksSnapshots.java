package org.citelens.solr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The works registry shared by every machine that ingests into or serves a collection: the registry's own Lucene
 * folder, zipped, stored in the works collection in chunks under a generation number, with a head document naming
 * the current generation. An ingest downloads the head generation, registers and resolves against it, and publishes
 * the next generation only if the head is still the one it started from (Solr's optimistic concurrency on the head's
 * {@code _version_}); so two writers can never silently fork the registry: the later one fails with a clear error
 * and converges when run again. Servers download the head generation at start.
 */
public final class WorksSnapshots {
    private static final String HEAD = "head";
    private static final int CHUNK_BYTES = 512 * 1024;

    private final SolrConnection solr;
    private final String collection;

    public WorksSnapshots(SolrConnection solr) {
        this.solr = solr;
        this.collection = SolrSetup.worksCollection(solr.collection());
    }

    /** The head generation as read: its number (0 when none was published) and the head's version. */
    public record Head(long generation, int chunks, long version) {}

    public Head head() throws IOException {
        SolrDocument d;
        try {
            d = solr.client().getById(collection, HEAD);
        } catch (Exception e) {
            throw SolrConnection.failure("reading the works head in " + collection, e);
        }
        if (d == null) return new Head(0, 0, -1);
        return new Head(
                ((Number) d.getFieldValue("generation")).longValue(),
                ((Number) d.getFieldValue("chunks")).intValue(),
                ((Number) d.getFieldValue("_version_")).longValue());
    }

    /** Unpacks the head generation into the empty folder {@code into}; returns the head (generation 0: nothing). */
    public Head download(Path into) throws IOException {
        SolrSetup.ensureWorksCollection(solr);
        Head head = head();
        if (head.generation() == 0) return head;
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        for (int i = 0; i < head.chunks(); i++) {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", "{!term f=id v=$id}");
            p.set("id", chunkId(head.generation(), i));
            p.set("fl", "data");
            List<SolrDocument> docs;
            try {
                docs = new QueryRequest(p).process(solr.client(), collection).getResults();
            } catch (Exception e) {
                throw SolrConnection.failure("reading the works snapshot in " + collection, e);
            }
            if (docs.isEmpty()) {
                throw new IOException("works snapshot generation " + head.generation() + " lacks chunk " + i
                        + " in " + collection + " (an ingest publishing it died?): run the ingest again");
            }
            zip.write(Base64.getDecoder().decode(docs.get(0).getFieldValue("data").toString()));
        }
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("works snapshot entry outside its folder: " + e);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return head;
    }

    /**
     * Publishes the folder {@code from} as the generation after {@code startedFrom}; fails when another writer
     * published since (the head moved), leaving the head as that writer left it.
     */
    public long publish(Path from, Head startedFrom) throws IOException {
        byte[] zip = zip(from);
        long generation = startedFrom.generation() + 1;
        int chunks = Math.max(1, (zip.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        UpdateRequest data = new UpdateRequest();
        for (int i = 0; i < chunks; i++) {
            int start = i * CHUNK_BYTES;
            int end = Math.min(zip.length, start + CHUNK_BYTES);
            SolrInputDocument d = new SolrInputDocument();
            d.addField("id", chunkId(generation, i));
            d.addField("kind", "chunk");
            d.addField("generation", generation);
            d.addField("chunk", i);
            d.addField("data", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(zip, start, end)));
            data.add(d);
        }
        send("writing works snapshot " + generation, data);
        SolrInputDocument head = new SolrInputDocument();
        head.addField("id", HEAD);
        head.addField("kind", HEAD);
        head.addField("generation", generation);
        head.addField("chunks", chunks);
        // -1: the head must not exist yet; a version: it must still be the one read at the start
        head.addField("_version_", startedFrom.version());
        UpdateRequest move = new UpdateRequest();
        move.add(head);
        try {
            move.process(solr.client(), collection);
        } catch (SolrException e) {
            if (e.code() == 409) {
                throw new IOException("another ingest published the works registry of " + solr.collection()
                        + " while this one ran; its statements are written, run the ingest again to converge");
            }
            throw SolrConnection.failure("moving the works head", e);
        } catch (Exception e) {
            throw SolrConnection.failure("moving the works head", e);
        }
        UpdateRequest cleanup = new UpdateRequest();
        cleanup.deleteByQuery("kind:chunk AND generation:[* TO " + (generation - 1) + "]");
        send("removing old works snapshots", cleanup);
        try {
            solr.client().commit(collection, true, true);
        } catch (Exception e) {
            throw SolrConnection.failure("committing the works snapshot", e);
        }
        return generation;
    }

    private static byte[] zip(Path from) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .sorted().forEach(files::add);
        }
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(from.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String chunkId(long generation, int chunk) {
        return "chunk-" + generation + "-" + chunk;
    }

    private void send(String what, UpdateRequest update) throws IOException {
        try {
            update.process(solr.client(), collection);
        } catch (Exception e) {
            throw SolrConnection.failure(what + " in " + collection, e);
        }
    }
}
