package se.atmp2030.workbook.collect.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AtmpClassifierTest {
    private final AtmpClassifier classifier;

    AtmpClassifierTest() throws java.io.IOException {
        classifier = new AtmpClassifier(se.atmp2030.workbook.collect.AtmpRules.builtIn());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            BIOLOGICAL: CD19 CAR-T cells;                              car-t;             GTMP
            GENETIC: BCMA chimeric antigen receptor T cells;           car-t;             GTMP
            BIOLOGICAL: axicabtagene ciloleucel;                       car-t;             GTMP
            GENETIC: NY-ESO-1 TCR-engineered T cells;                  tcr-t;             GTMP
            GENETIC: AAV5-hFIX vector;                                 aav;               GTMP
            GENETIC: Lentiviral vector transduced autologous HSC;      gene-modified-cells; GTMP
            GENETIC: Lentiviral vector for beta-thalassaemia;          lentiviral;        GTMP
            GENETIC: CRISPR-Cas9 edited CD34+ cells;                   gene-editing;      GTMP
            BIOLOGICAL: Oncolytic adenovirus DNX-2401;                 oncolytic-virus;   GTMP
            GENETIC: Plasmid encoding VEGF;                            gene-therapy;      GTMP
            BIOLOGICAL: Tissue engineered cartilage implant;           tissue-engineered; TEP
            BIOLOGICAL: Allogeneic mesenchymal stromal cells;          msc;               sCTMP
            BIOLOGICAL: Allogeneic NK cells;                           nk-cell;           sCTMP
            BIOLOGICAL: Tumor infiltrating lymphocytes;                til;               sCTMP
            BIOLOGICAL: Autologous dendritic cell vaccine;             dendritic-cell;    sCTMP
            BIOLOGICAL: Autologous regulatory T cells;                 treg;              sCTMP
            BIOLOGICAL: Stem cell-derived dopaminergic progenitors;    cell-therapy;      sCTMP
            BIOLOGICAL: Allogeneic hematopoietic stem cell transplantation; hsct;         -
            BIOLOGICAL: Quadrivalent influenza vaccine;                infectious-vaccine; -
            GENETIC: Antisense oligonucleotide targeting SOD1;         oligonucleotide;   -
            BIOLOGICAL: Rituximab;                                     no-atmp-term;      -
            DRUG: CAR-T cells;                                         no-genetic-or-biological; -
            BIOLOGICAL: Tissue engineered skin|DEVICE: Dermal scaffold; tissue-engineered+device; combined
            """)
    void eachRuleDecides(String interventions, String rule, String category) throws Exception {
        Trial trial = new Trial("NCT00000001", "A study", "RECRUITING", null, null, null, null, null, null,
                CtgCsvReader.interventions(interventions), Set.of(), List.of(), null, "CSV", "test");
        AtmpClassifier.Classification c = classifier.classify(trial);
        assertThat(c.rule()).isEqualTo(rule);
        assertThat(c.category()).isEqualTo(category.equals("-") ? null : category);
        assertThat(c.atmp()).isEqualTo(!category.equals("-"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            BIOLOGICAL: JWCAR029;       CAR T cell therapy in lymphoma;     car-t
            BIOLOGICAL: SAAVEDRA-1;     Antibody study;                     no-atmp-term
            """)
    void theTitleDecidesWhenTheInterventionNameSaysNothing(String interventions, String title, String rule) throws Exception {
        Trial trial = new Trial("NCT00000001", title, "RECRUITING", null, null, null, null, null, null,
                CtgCsvReader.interventions(interventions), Set.of(), List.of(), null, "CSV", "test");
        assertThat(classifier.classify(trial).rule()).as("terms match whole words only").isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            PHASE1|PHASE2; Phase 1/2
            PHASE2|PHASE3; Phase 2/3
            EARLY_PHASE1;  Early phase 1
            NA;            Not applicable
            PHASE4;        Phase 4
            """)
    void phasesReadAsPeopleWriteThem(String raw, String expected) throws Exception {
        assertThat(CtgFields.phase(Arrays.asList(raw.split("\\|")), raw)).isEqualTo(expected);
    }
}
