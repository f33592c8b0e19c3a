using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>How a patient wants to be reached: <c>sms</c>, <c>email</c> or null (a text when there is a phone, else e-mail); opted out of all messages.</summary>
public sealed record ContactPreferencesBody(MessageChannel? Channel, bool? OptedOut);
