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

    /// <summary>
    /// Withdraws a pending message. One a node holds under a live lease may be on its way to the provider: it becomes
    /// 'withdrawing' and keeps its lease, so that node's record still lands (<see cref="Record"/>) and says what happened.
    /// </summary>
    public const string Withdraw = """
        UPDATE pthub_outbox SET
            status = CASE WHEN lease_until > @now THEN 'withdrawing' ELSE 'withdrawn' END,
            finished_at = CASE WHEN lease_until > @now THEN NULL ELSE @now END,
            lease_owner = CASE WHEN lease_until > @now THEN lease_owner ELSE NULL END,
            lease_until = CASE WHEN lease_until > @now THEN lease_until ELSE NULL END
        WHERE message_key = @key AND status = 'pending'
        """;

    /// <summary>A withdrawing message whose holder died with it (its lease ran out unrecorded) is withdrawn for good.</summary>
    public const string SettleWithdrawing = """
        UPDATE pthub_outbox SET status = 'withdrawn', finished_at = @now, lease_owner = NULL, lease_until = NULL
        WHERE status = 'withdrawing' AND lease_until <= @now
        """;

    /// <summary>
    /// The holder's record of an attempt. A message withdrawn meanwhile keeps the attempt's outcome when it reached a
    /// provider (delivered, bounced, failed: the truth); otherwise it is withdrawn, never tried again.
    /// </summary>
    public const string Record = """
        UPDATE pthub_outbox SET
            status = CASE WHEN status = 'withdrawing' AND @status NOT IN ('delivered', 'bounced', 'failed') THEN 'withdrawn' ELSE @status END,
            finished_at = CASE WHEN status = 'withdrawing' AND @status NOT IN ('delivered', 'bounced', 'failed') THEN @at ELSE @finished END,
            next_attempt_at = @next, last_error = @error, channel = @channel,
            recipient = COALESCE(@recipient, recipient), lease_owner = NULL, lease_until = NULL
        WHERE message_key = @key AND lease_owner = @node AND status IN ('pending', 'withdrawing')
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
        ORDER BY CASE status WHEN 'failed' THEN 0 WHEN 'bounced' THEN 0 WHEN 'pending' THEN 1 WHEN 'withdrawing' THEN 1 ELSE 2 END, due_at DESC
        LIMIT @limit
        """;

    public const string Get = $"SELECT {Columns} FROM pthub_outbox WHERE message_key = @key";

    public const string Attempts = "SELECT message_key, attempt, at, node, outcome, detail FROM pthub_outbox_attempts WHERE message_key = @key ORDER BY attempt";
}
