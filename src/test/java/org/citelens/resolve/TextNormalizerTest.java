package org.citelens.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spellings taken from the bundled corpus's reference lists. */
class TextNormalizerTest {
    @Test
    void titlesFoldAccentsCaseMarkupAndStopWords() {
        assertEquals(
                TextNormalizer.titleFingerprint("TopHat2: accurate alignment of transcriptomes in the presence of"
                        + " insertions, deletions and gene fusions"),
                TextNormalizer.titleFingerprint("Tophat2: Accurate alignment of transcriptomes in the presence of "
                        + "insertions, deletions and gene fusions."));
        assertEquals(
                "analysis relative gene expression data real time quantitative pcr 2 deltadeltact method",
                TextNormalizer.titleFingerprint("Analysis of relative gene expression data using real-time "
                        + "quantitative PCR and the 2<sup>−ΔΔCT</sup> method"));
        assertEquals("beta glucan", TextNormalizer.titleFingerprint("β-Glucan"));
        assertEquals(
                List.of("effet", "salinite", "sur", "ble"),
                TextNormalizer.titleTokens("Effet de la salinité sur le blé"));
    }

    @Test
    void surnamesIgnoreParticlesHyphensAndAccents() {
        assertEquals("irwinrogers", TextNormalizer.surnameKey("Irwin-Rogers"));
        assertEquals(TextNormalizer.surnameKey("Irwin Rogers"), TextNormalizer.surnameKey("Irwin-Rogers"));
        assertEquals("berg", TextNormalizer.surnameKey("van der Berg"));
        assertEquals("muller", TextNormalizer.surnameKey("Müller"));
        assertEquals("de", TextNormalizer.surnameKey("De"));
        assertEquals("lukasik", TextNormalizer.surnameKey("Łukasik"));
    }

    @Test
    void journalAbbreviationsMatchFullNames() {
        double full = TextNormalizer.journalSimilarity(
                TextNormalizer.journalTokens("J Exp Bot"),
                TextNormalizer.journalTokens("Journal of Experimental Botany"));
        assertEquals(1.0, full, 1e-9);
        assertEquals(
                1.0,
                TextNormalizer.journalSimilarity(
                        TextNormalizer.journalTokens("Food Chem"), TextNormalizer.journalTokens("Food Chemistry")),
                1e-9);
        assertTrue(TextNormalizer.journalSimilarity(
                        TextNormalizer.journalTokens("Plant Cell"), TextNormalizer.journalTokens("Plant Physiology"))
                < 0.6);
    }

    @Test
    void firstPageDropsRangeAndLeadingZeros() {
        assertEquals("3037", TextNormalizer.firstPage("3037–3043"));
        assertEquals("e0123", TextNormalizer.firstPage("e0123"));
        assertEquals("402", TextNormalizer.firstPage("0402-8"));
    }
}
