package se.atmp2030.workbook.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as servers send it (RFC 9110 10.2.3): seconds, or an HTTP date. */
class HttpTest {
    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(Http.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(Http.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(Http.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertThat(Http.retryAfter(past)).isEqualTo(Duration.ZERO);
        assertThat(Http.retryAfter("soon")).as("not a Retry-After: the client's own backoff applies").isNull();
    }
}
