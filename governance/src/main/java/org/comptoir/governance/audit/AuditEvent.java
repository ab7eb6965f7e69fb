package org.comptoir.governance.audit;

import java.time.Instant;

/** One change to a dataset, as the audit trail keeps it. */
public record AuditEvent(Instant occurredAt, String actor, String action, String datasetId, long version) {}
