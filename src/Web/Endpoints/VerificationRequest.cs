using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

public sealed record VerificationRequest(VerificationStatus? Status);
