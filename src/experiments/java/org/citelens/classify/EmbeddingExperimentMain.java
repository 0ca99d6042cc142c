package org.citelens.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Development runner for the embedding rows of "What was tried" in docs/classifier.md: the grouped, nested
 * cross-validation of {@code train} (same outer and inner folds, calibration and precision-first thresholds as
 * {@link ExperimentMain}) with MiniLM sentence embeddings alone or appended to the shipped sparse features.
 * Usage: EmbeddingExperimentMain DATA VIEW MODE C [SCALE], VIEW raw|masked (what the encoder reads), MODE
 * sparse|dense|both, SCALE the factor on the unit-length embedding (the sparse part has unit length too);
 * {@code -Dseed=N} for another draw of the folds. Embeddings are cached under target/embeddings/.
 */
public final class EmbeddingExperimentMain {
    private EmbeddingExperimentMain() {}

    public static void main(String[] args) throws Exception {
        List<LabelledStatement> rows = LabelledData.readAll(args[0]);
        SentenceEmbeddings.TextView view = SentenceEmbeddings.TextView.valueOf(args[1].toUpperCase(Locale.ROOT));
        String mode = args[2];
        TrainingOptions o = TrainingOptions.defaults().withC(Double.parseDouble(args[3]));
        double scale = args.length > 4 ? Double.parseDouble(args[4]) : 1;
        Long seed = Long.getLong("seed");
        if (seed != null) o = o.withSeed(seed);
        o = o.withNbAlpha(Double.parseDouble(System.getProperty("nbAlpha", String.valueOf(o.nbAlpha()))));
        float[][] dense = mode.equals("sparse")
                ? null
                : SentenceEmbeddings.load(
                        rows,
                        view,
                        Path.of("target/embeddings/" + SentenceEmbeddings.ENCODER + "-"
                                + view.name().toLowerCase(Locale.ROOT) + ".bin"));
        long t0 = System.nanoTime();
        FeatureTable table = new FeatureTable(rows, o.domainFeatures(), o.features());
        DenseAugmentedTrainer trainer = new DenseAugmentedTrainer(table, dense, scale, !mode.equals("dense"), o);
        CrossValidation.Result r = CrossValidation.run(table, o, 2, m -> {}, (train, held) -> trainer.fit(train));
        String tag = String.format(
                Locale.ROOT,
                "%s %s %s seed=%s C=%s scale=%s",
                SentenceEmbeddings.ENCODER,
                view,
                mode,
                seed == null ? "default" : seed,
                args[3],
                scale);
        System.out.println(ExperimentMain.report(r, tag, (System.nanoTime() - t0) / 1e9));
    }
}
