package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./run.sh train-transformer` (train-shipped.sh) refuses, before it fetches or trains anything, what it cannot
 * finish: an hour of training must not end in a model the shipped run time cannot load.
 */
class TrainShippedScriptTest {
    @TempDir
    Path tmp;

    @Test
    void aFoldOutsideZeroToFourIsAUsageError() throws Exception {
        TrainerScript r = run("--clinical-fold", "5");
        assertEquals(2, r.exitValue(), r.output());
        assertTrue(r.output().contains("--clinical-fold takes 0 to 4, not '5'"), r.output());
    }

    @Test
    void aScaffoldMustBeASetOfTheRepository() throws Exception {
        TrainerScript r = run("--scaffold", "no-such-set", "--clinical-fold", "0");
        assertEquals(2, r.exitValue(), r.output());
        assertTrue(r.output().contains("--scaffold takes a set of corpus/datasets, not 'no-such-set'"), r.output());
    }

    @Test
    void pretrainingTakesANumberOfSteps() throws Exception {
        for (String steps : new String[] {"0", "many", "-5"}) {
            TrainerScript r = run("--pretrain", steps, "--clinical-fold", "0");
            assertEquals(2, r.exitValue(), r.output());
            assertTrue(r.output().contains("--pretrain takes a number of steps, not '" + steps + "'"), r.output());
        }
    }

    @Test
    void theMarkerPoolIsRefusedForTheShippedModelWhoseEarlyExitCannotRunIt() throws Exception {
        TrainerScript shipped = run("--pool", "mean+marker");
        assertEquals(2, shipped.exitValue(), shipped.output());
        assertTrue(shipped.output().contains("--pool mean+marker is for --clinical-fold runs"), shipped.output());
        assertEquals(2, run("--threads", "1", "--pool=mean+marker").exitValue(), "the --pool=VALUE spelling too");
        // The refusal is E5-small's alone (the one-graph encoders find the marker themselves): with another encoder
        // the script goes on, here as far as refusing the unknown name.
        TrainerScript other = run("--encoder", "no-such-encoder", "--pool", "mean+marker");
        assertTrue(other.output().contains("--encoder takes e5-small"), other.output());
    }

    private TrainerScript run(String... args) throws Exception {
        // The argument checks answer at once; 60 s is far beyond them and far short of a training.
        return TrainerScript.bash("train-shipped.sh", tmp.resolve("train-shipped.log"), 60, List.of(args));
    }
}
