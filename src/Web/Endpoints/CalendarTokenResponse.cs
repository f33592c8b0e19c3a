namespace PtHub.Web.Endpoints;

/// <summary>A new calendar feed token, shown this once: PtHub keeps only its hash.</summary>
/// <param name="FeedUrl">The feed's path with the token, to subscribe to from a calendar app.</param>
public sealed record CalendarTokenResponse(string Token, string FeedUrl);
