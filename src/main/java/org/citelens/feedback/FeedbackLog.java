package org.citelens.feedback;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citelens.model.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback of one index: {@code DIR/feedback/feedback.jsonl}, one JSON object per line, only ever appended
 * to, each line forced to disk before the call returns (a suggestion acknowledged is a suggestion kept). Its own
 * folder beside the statement index, keyed by statement id, so re-ingests and relabels never touch it. Opening
 * replays the file into memory (counts per statement, who suggested what, the latest review of each statement);
 * a torn last line from a crash is skipped and the next line starts fresh. Thread-safe; one process writes.
 */
public final class FeedbackLog implements Closeable {
    /** Longest comment kept; longer ones are refused at the boundary. */
    public static final int MAX_COMMENT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final byte[] salt;
    private final Map<String, EnumMap<Label, Integer>> counts = new HashMap<>();
    private final Set<String> given = new HashSet<>();
    private final Map<String, LabelFeedback> reviews = new LinkedHashMap<>();
    private final Map<String, Set<String>> reviewedByDoi = new HashMap<>();
    private final List<LabelFeedback> suggestions = new ArrayList<>();
    private long version;

    private final boolean writable;

    private FeedbackLog(Path file, FileChannel channel, byte[] salt, boolean writable) {
        this.file = file;
        this.channel = channel;
        this.salt = salt;
        this.writable = writable;
    }

    /** Opens (creating when needed) the feedback log of the index in {@code indexDir}. */
    public static FeedbackLog open(Path indexDir) throws IOException {
        Path dir = indexDir.resolve("feedback");
        Files.createDirectories(dir);
        Path file = dir.resolve("feedback.jsonl");
        FeedbackLog log = new FeedbackLog(
                file,
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                salt(dir.resolve("salt")),
                true);
        try {
            log.replay();
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    /**
     * The log as another process (a running server) writes it, read once and never written: what
     * {@code feedback export} reads. A missing log reads as empty.
     */
    public static FeedbackLog openReadOnly(Path indexDir) throws IOException {
        Path file = indexDir.resolve("feedback").resolve("feedback.jsonl");
        FeedbackLog log = new FeedbackLog(file, null, new byte[0], false);
        if (Files.isRegularFile(file)) log.replay();
        return log;
    }

    /**
     * Records a reader's suggestion unless this client already made one for this statement.
     *
     * @return false when the client had already suggested a label for the statement (nothing written)
     */
    public synchronized boolean suggest(String statementId, String citedDoi, Label label, String comment, String clientAddress)
            throws IOException {
        String client = clientKey(clientAddress);
        if (given.contains(client + "|" + statementId)) return false;
        append(new LabelFeedback(
                LabelFeedback.Kind.SUGGESTION, statementId, citedDoi, label, comment, client, Instant.now()));
        return true;
    }

    /** Records a curator's reviewed label; the latest review of a statement is the one that counts. */
    public synchronized void review(String statementId, String citedDoi, Label label) throws IOException {
        append(new LabelFeedback(LabelFeedback.Kind.REVIEW, statementId, citedDoi, label, "", null, Instant.now()));
    }

    /** Suggestions per label for one statement (labels nobody suggested left out). */
    public synchronized Map<Label, Integer> suggestionCounts(String statementId) {
        EnumMap<Label, Integer> c = counts.get(statementId);
        return c == null ? Map.of() : Map.copyOf(c);
    }

    public synchronized Optional<Label> reviewedLabel(String statementId) {
        LabelFeedback r = reviews.get(statementId);
        return r == null ? Optional.empty() : Optional.of(r.label());
    }

    /** Every reviewed label, by statement id. */
    public synchronized Map<String, Label> reviewedLabels() {
        Map<String, Label> out = new HashMap<>();
        reviews.forEach((id, r) -> out.put(id, r.label()));
        return out;
    }

    /** Ids of the statements reviewed while they cited this DOI. */
    public synchronized Set<String> reviewedCiting(String doi) {
        return Set.copyOf(reviewedByDoi.getOrDefault(doi, Set.of()));
    }

    /** Every suggestion in the order given. */
    public synchronized List<LabelFeedback> suggestions() {
        return List.copyOf(suggestions);
    }

    /** The latest review of every reviewed statement. */
    public synchronized List<LabelFeedback> reviews() {
        return List.copyOf(reviews.values());
    }

    /** The log file, for its size. */
    public Path file() {
        return file;
    }

    /** Changes with every line recorded: a validator for caches of answers that include feedback. */
    public synchronized long version() {
        return version;
    }

    private void append(LabelFeedback f) throws IOException {
        if (!writable) throw new IllegalStateException("this feedback log was opened read-only");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("statementId", f.statementId());
        m.put("citedDoi", f.citedDoi());
        m.put("label", f.label().wireName());
        m.put("comment", f.comment());
        m.put("client", f.client());
        m.put("at", f.at().toString());
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
        long at = channel.size();
        while (line.hasRemaining()) at += channel.write(line, at);
        channel.force(false);
        apply(f);
    }

    private void apply(LabelFeedback f) {
        version++;
        if (f.kind() == LabelFeedback.Kind.SUGGESTION) {
            counts.computeIfAbsent(f.statementId(), id -> new EnumMap<>(Label.class)).merge(f.label(), 1, Integer::sum);
            if (f.client() != null) given.add(f.client() + "|" + f.statementId());
            suggestions.add(f);
        } else {
            LabelFeedback before = reviews.remove(f.statementId());
            if (before != null && before.citedDoi() != null) {
                reviewedByDoi.getOrDefault(before.citedDoi(), new HashSet<>()).remove(f.statementId());
            }
            reviews.put(f.statementId(), f);
            if (f.citedDoi() != null) {
                reviewedByDoi.computeIfAbsent(f.citedDoi(), d -> new HashSet<>()).add(f.statementId());
            }
        }
    }

    private void replay() throws IOException {
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int skipped = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) continue;
            try {
                apply(parse(JSON.readTree(l)));
            } catch (JacksonException | IllegalArgumentException e) {
                skipped++;
                LOG.warn("{}:{}: unreadable feedback line skipped ({})", file, i + 1, e.getMessage());
            }
        }
        // a crash mid-line leaves no newline at the end: the next record must not be glued to the torn one
        if (writable && all.length > 0 && all[all.length - 1] != '\n') {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
            channel.force(false);
        }
        if (skipped > 0) LOG.warn("{}: {} unreadable line(s) skipped", file, skipped);
    }

    private static LabelFeedback parse(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
        LabelFeedback.Kind kind = LabelFeedback.Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
        return new LabelFeedback(
                kind,
                n.path("statementId").asText(null),
                n.hasNonNull("citedDoi") ? n.get("citedDoi").asText() : null,
                Label.fromWireName(n.path("label").asText()),
                n.path("comment").asText(""),
                n.hasNonNull("client") ? n.get("client").asText() : null,
                Instant.parse(n.path("at").asText()));
    }

    /** Who a reader is, for "one suggestion per statement": a salted hash, so the log holds no addresses. */
    private String clientKey(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] salt(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == 16) return Files.readAllBytes(file);
        byte[] s = new byte[16];
        new SecureRandom().nextBytes(s);
        Files.write(file, s);
        return s;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) channel.close();
    }
}
