package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerMaskerTest {
    private static String mask(String sentence, String target) {
        return MarkerMasker.mask(new ClassifierInput("", sentence, "", target, List.of()))
                .replaceAll("\\s+", " ")
                .strip();
    }

    @Test
    void targetAndOtherMarkersAreToldApart() {
        // A real clinical row: the target is the second bracket.
        assertEquals(
                "According to Krishna othcit and Watkins tgtcit , the prevention works.",
                mask("According to Krishna [ 26] and Watkins [ 27] , the prevention works.", "[ 27]"));
    }

    @Test
    void bareNumberMarkerIsNotFoundInsideAYear() {
        assertEquals(
                "As described in 2019 for this cohort, tgtcit which could be maintained.",
                mask("As described in 2019 for this cohort, 9 which could be maintained.", "9"));
    }

    @Test
    void withoutATargetEveryMarkerCountsAsTarget() {
        assertEquals(
                "tgtcit proposed a system and tgtcit compared it.",
                mask("Jing and McKeown (2000) proposed a system and Knight et al. (2002) compared it.", ""));
    }
}
