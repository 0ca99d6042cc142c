package org.citelens.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test the folder of the tiny model that {@link TransformerTrainingTest#trainTiny} trains, trained once per
 * test run: the trainer takes about 15 s of both cores, and the tests that read its output (the training test, the
 * early-exit script test) only read it. The folder is deleted when the run ends.
 */
final class TinyModelExtension implements ParameterResolver {
    /** The trained model's folder (model.onnx, model.fp32.onnx, settings.json, report.json); read it, never write it. */
    record TinyModel(Path dir) {}

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TinyModelExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TinyModel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(TinyModel.class, key -> Trained.train(), Trained.class)
                .model();
    }

    /** The store closes it when the test run ends, which removes the folder. */
    private record Trained(Path root, TinyModel model) implements AutoCloseable {
        static Trained train() {
            try {
                Path root = Files.createTempDirectory("citelens-tiny-model");
                return new Trained(root, new TinyModel(TransformerTrainingTest.trainTiny(root, false)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("training the tiny model failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
