package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AtmpRulesTest {
    private static AtmpRules.Terms terms(String... terms) {
        return new AtmpRules.Terms(List.of(terms));
    }

    @ParameterizedTest(name = "{0} in \"{1}\": {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CAR T              | Autologous CAR-T cells          | CAR-T
            CAR T              | car t cells                     | car t
            CAR T              | CAR‑T (non-breaking hyphen)     | CAR‑T
            CAR T              | squamous cell carcinoma         | -
            CAR T              | scar tissue                     | -
            stem cell          | Mesenchymal stem cells          | stem cells
            cell therapy       | novel cell therapies            | cell therapies
            virus              | oncolytic viruses               | viruses
            lentivir*          | lentiviral vector               | lentiviral
            *cabtagene         | ciltacabtagene autoleucel       | ciltacabtagene
            -leucel            | lifileucel                      | lifileucel
            -cel               | Marcel and cancel               | -
            -gene -vec         | nadofaragene firadenovec        | nadofaragene firadenovec
            -gene -vec         | gene vector                     | -
            autologous * cell  | autologous expanded T cells     | autologous expanded T cells
            autologous * cell  | autologous cells                | -
            AAV                | SAAVEDRA                        | -
            AAV5               | AAV5-hFIX                       | AAV5
            therapy            | THERAPY                         | THERAPY
            """)
    void termsMatchWholeWordsPluralsWildcardsAndStems(String term, String text, String expected) {
        AtmpRules.Terms terms = terms(term);
        assertThat(terms.find(text).orElse(null)).isEqualTo(expected);
        assertThat(terms.find(text, text.toLowerCase(Locale.ROOT)).orElse(null)).as("the quick look agrees")
                .isEqualTo(expected);
    }

    @Test
    void theQuickLookNeverMissesWhatThePatternFinds() throws Exception {
        AtmpRules rules = AtmpRules.builtIn();
        List<String> texts = List.of("CD19 CAR-T cells", "Cell therapies for heart failure", "allogeneic red blood cells",
                "Autologous fat cells", "ChAdOx1 nCoV-19", "gene therapies", "Stem Cell-Derived islets", "NK-cells",
                "Tumour-infiltrating lymphocytes (TILs)", "MSCs", "exagamglogene autotemcel", "Zolgensma®",
                "regulatory T-cells", "Platelet-rich plasma", "CMV-specific T cells", "faecal microbiota transplantation",
                "A study of tisagenlecleucel", "viral vectors", "transgenes", "Casgevy", "carcinoma of the cervix");
        for (AtmpRules.Rule rule : rules.rules()) {
            for (String text : texts) {
                assertThat(rule.terms().find(text, text.toLowerCase(Locale.ROOT)))
                        .as(rule.id() + " on \"" + text + "\"").isEqualTo(rule.terms().find(text));
            }
        }
    }

    @Test
    void theBuiltInRulesAreTheBundledFile() throws Exception {
        Problems problems = new Problems();
        AtmpRules bundled = AtmpRules.parse(java.nio.file.Files.readAllLines(java.nio.file.Path.of("inputs",
                AtmpRules.FILE)), "inputs/" + AtmpRules.FILE, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(bundled.rules().stream().map(AtmpRules.Rule::id).toList())
                .isEqualTo(AtmpRules.builtIn().rules().stream().map(AtmpRules.Rule::id).toList());
    }
}
