namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's patient messaging: reminder lead times before a visit, quiet hours (clinic time; a reminder that would
/// fall inside them is moved out), its templates, and its waitlist offers.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.MessagingSettings")]
public sealed record MessagingSettings(
    [property: Id(0)] bool RemindersEnabled,
    [property: Id(1)] IReadOnlyList<TimeSpan> ReminderLeadTimes,
    [property: Id(2)] TimeOnly QuietFrom,
    [property: Id(3)] TimeOnly QuietUntil,
    [property: Id(4)] IReadOnlyList<MessageTemplate> Templates,
    [property: Id(5)] OfferSettings? Offers = null,
    [property: Id(6)] int RecallEveryDays = MessagingSettings.DefaultRecallEveryDays)
{
    public const string ReminderTemplate = "reminder";

    /// <summary>The message to a patient who dropped off their plan of care; the sender ends it with the booking link.</summary>
    public const string RecallTemplate = "recall";

    public const int DefaultRecallEveryDays = 30;

    /// <summary>The template of a waitlist offer (a freed slot offered to a waiting patient, with its accept link).</summary>
    public const string OfferTemplate = "offer";

    /// <summary>The offer template used when a clinic has not written its own.</summary>
    public static MessageTemplate DefaultOfferTemplate { get; } = new(OfferTemplate, "An earlier appointment at {clinic}",
        "An earlier time is free at {clinic}: {date} at {time} with {therapist}. The first to accept gets it.");

    /// <summary>The clinic's offer settings (off by default).</summary>
    public OfferSettings EffectiveOffers => Offers ?? OfferSettings.Default;

    /// <summary>The clinic's template of a kind, else the built-in one of that kind (an unknown kind falls back to the reminder's).</summary>
    public MessageTemplate TemplateFor(string name) => FindTemplate(name)
        ?? (name == OfferTemplate ? DefaultOfferTemplate : Default.FindTemplate(name))
        ?? Default.FindTemplate(ReminderTemplate)!;

    public static MessagingSettings Default { get; } = new(true, [TimeSpan.FromHours(48), TimeSpan.FromHours(2)],
        new TimeOnly(21, 0), new TimeOnly(8, 0),
        [new MessageTemplate(ReminderTemplate, "Your appointment at {clinic}",
            "Reminder: your appointment at {clinic} is on {date} at {time} with {therapist}."),
         new MessageTemplate(RecallTemplate, "Your next visit at {clinic}",
            "Your plan of care at {clinic} is not finished yet, and {therapist} has free times for your next visit.")]);

    public MessageTemplate? FindTemplate(string name) => Templates.FirstOrDefault(t => t.Name == name);

    /// <summary>Whether a clinic-local time of day is inside the quiet hours (which may wrap midnight).</summary>
    public bool IsQuiet(TimeOnly local) => QuietFrom == QuietUntil ? false
        : QuietFrom < QuietUntil ? local >= QuietFrom && local < QuietUntil
        : local >= QuietFrom || local < QuietUntil;
}
