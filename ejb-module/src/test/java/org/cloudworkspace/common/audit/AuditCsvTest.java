package org.cloudworkspace.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void quotesCellsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
    assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditCsv.cell("cr\rlf")).isEqualTo("\"cr\rlf\"");
    assertThat(AuditCsv.cell(null)).isEmpty();
    assertThat(AuditCsv.cell("")).isEmpty();
  }

  @Test
  void neutralisesSpreadsheetFormulas() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
    assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void rowsEndWithCrLfAndKeepTheHeaderOrder() {
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-01-02T03:04:05Z"), AuditType.SIGN_IN, AuditOutcome.FAILURE, null, "=bad", "t,1",
            "198.51.100.7", "wrong password");
    assertThat(AuditCsv.HEADER).isEqualTo("id,occurredAt,type,outcome,actorId,actorName,target,address,details\r\n");
    assertThat(AuditCsv.row(event))
        .isEqualTo("null,2026-01-02T03:04:05Z,auth.sign_in,failure,,'=bad,\"t,1\",198.51.100.7,wrong password\r\n");
  }
}
