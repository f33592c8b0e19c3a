using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A newly paired display: open <see cref="PairUrl"/> once on the wall display's browser. The token rides in the
/// URL's fragment, which browsers never send to a server; the page keeps it and drops it from the address.
/// </summary>
public sealed record DisplayPaired(DisplayDevice Display, string Token, string PairUrl);
