package org.comptoir.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTests {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "2017|2017",
                "2017-08|2017-08",
                "2017-08-05|2017-08-05",
                "2017-08-05T03:16:52.857800|2017-08-05T03:16:52.857800",
                "2019-09-30 22:00:00|2019-09-30T22:00:00",
                "2019-09-30T22:00:00+0000|2019-09-30T22:00:00+00:00",
                "2022-07-29T10:07:13.000Z|2022-07-29T10:07:13.000Z",
                "30/09/2019|2019-09-30",
                "mar, 10/12/2019 - 09:23|null",
                "2019-02-30|null",
                "bientôt|null",
                "'  '|null"
            })
    void readsWhatPortalsWriteAndDropsWhatIsNotADate(String value, String expected) {
        assertThat(Dates.lexical(value)).isEqualTo(expected);
    }
}
