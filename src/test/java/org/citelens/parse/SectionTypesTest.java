package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.citelens.model.SectionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionTypesTest {
    @ParameterizedTest
    @CsvSource({
        "intro, Introduction, INTRODUCTION",
        ", Background, INTRODUCTION",
        ", 1. Introduction, INTRODUCTION",
        "materials|methods, Materials and methods, METHODS",
        ", Materials and Methods, METHODS",
        ", Plant material and growth conditions, METHODS",
        "results, Results, RESULTS",
        ", Results and discussion, DISCUSSION",
        ", Discussion, DISCUSSION",
        ", Conclusions, DISCUSSION",
        ", Acknowledgements, OTHER",
        ", Disscussion, DISCUSSION",
        ", Outlook, DISCUSSION",
        ", Prospects and future directions, DISCUSSION",
        ", 2. Data Collection, METHODS",
        ", Study area and data preprocessing, METHODS",
        ", Preamble, INTRODUCTION",
        ", Author Contributions, OTHER",
        ", , OTHER",
    })
    void headingsAndSecTypes(String secType, String heading, SectionType expected) {
        assertEquals(expected, SectionTypes.classify(secType, heading));
    }
}
