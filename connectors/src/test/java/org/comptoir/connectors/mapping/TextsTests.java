package org.comptoir.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTests {
    @Test
    void keepsTheWordsAndParagraphsOfHtmlAndDropsScripts() {
        var html = "<DIV STYLE=\"text-align:Left;\"><P><SPAN>Emplacement des bornes</SPAN></P>"
                + "<script>alert('x')</script><ul><li>vélos</li><li>voitures&nbsp;électriques</li></ul>"
                + "<p>Mise à jour&#160;: mensuelle<br>Contact : sig@ville.fr</p></DIV>";

        assertThat(Texts.plain(html))
                .isEqualTo("Emplacement des bornes\n\n- vélos\n- voitures électriques\n\n"
                        + "Mise à jour : mensuelle\nContact : sig@ville.fr");
    }

    @Test
    void leavesMarkdownAndPlainTextAsTheyAre() {
        assertThat(Texts.plain("Les places **payantes** < 2 h\n\n- centre"))
                .isEqualTo("Les places **payantes** < 2 h\n\n- centre");
        assertThat(Texts.plain("  <p> </p> ")).isNull();
        assertThat(Texts.plain(null)).isNull();
    }
}
