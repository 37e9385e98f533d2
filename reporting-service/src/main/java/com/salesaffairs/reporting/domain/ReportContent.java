package com.salesaffairs.reporting.domain;

/** What the rep writes: a summary, and highlights, risks and next steps (all required to submit). */
public record ReportContent(String summary, String highlights, String risks, String nextSteps) {
}
