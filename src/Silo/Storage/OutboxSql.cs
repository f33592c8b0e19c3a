namespace PtHub.Silo.Storage;

/// <summary>The outbox's statements, shared by both dialects except the claim (<see cref="OutboxStore.ClaimSql"/>).</summary>
internal static class OutboxSql
{
    public const string Columns = """
        message_key, clinic_id, patient_id, visit_id, channel, template, merge_data, due_at, expires_at, status, attempts,
        next_attempt_at, last_error, recipient, created_at, finished_at, caused_by
        """;

    public const string Insert = """
        INSERT INTO pthub_outbox (message_key, clinic_id, patient_id, visit_id, channel, template, merge_data, due_at, expires_at,
            status, attempts, next_attempt_at, created_at, caused_by)
        VALUES (@key, @clinic, @patient, @visit, @channel, @template, @data, @due, @expires, 'pending', 0, @due, @now, @caused)
        ON CONFLICT (message_key) DO NOTHING
        """;

    public const string PendingOfVisit = "SELECT message_key FROM pthub_outbox WHERE visit_id = @visit AND status = 'pending'";

    public const string Withdraw = """
        UPDATE pthub_outbox SET status = 'withdrawn', finished_at = @now, lease_owner = NULL, lease_until = NULL
        WHERE message_key = @key AND status = 'pending'
        """;

    /// <summary>As <see cref="Withdraw"/>, but leaves a message a sender holds under a live lease to that sender.</summary>
    public const string WithdrawUnleased = """
        UPDATE pthub_outbox SET status = 'withdrawn', finished_at = @now, lease_owner = NULL, lease_until = NULL
        WHERE message_key = @key AND status = 'pending' AND (lease_until IS NULL OR lease_until <= @now)
        """;

    public const string Record = """
        UPDATE pthub_outbox SET status = @status, next_attempt_at = @next, last_error = @error, channel = @channel,
            recipient = COALESCE(@recipient, recipient), finished_at = @finished, lease_owner = NULL, lease_until = NULL
        WHERE message_key = @key AND lease_owner = @node AND status = 'pending'
        """;

    public const string InsertAttempt = """
        INSERT INTO pthub_outbox_attempts (message_key, attempt, at, node, outcome, detail)
        VALUES (@key, @attempt, @at, @node, @outcome, @detail)
        ON CONFLICT (message_key, attempt) DO UPDATE SET at = @at, node = @node, outcome = @outcome, detail = @detail
        """;

    /// <summary>Failures first (what staff must act on), then what is still to go, then the rest; newest due first in each.</summary>
    public const string List = $"""
        SELECT {Columns} FROM pthub_outbox
        WHERE clinic_id = @clinic AND (@patient = '' OR patient_id = @patient)
        ORDER BY CASE status WHEN 'failed' THEN 0 WHEN 'bounced' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, due_at DESC
        LIMIT @limit
        """;

    public const string Get = $"SELECT {Columns} FROM pthub_outbox WHERE message_key = @key";

    public const string Attempts = "SELECT message_key, attempt, at, node, outcome, detail FROM pthub_outbox_attempts WHERE message_key = @key ORDER BY attempt";
}
