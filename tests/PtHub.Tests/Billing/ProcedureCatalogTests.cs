using PtHub.Grains.Billing;

namespace PtHub.Tests.Billing;

public sealed class ProcedureCatalogTests
{
    [Theory]
    [InlineData("97110")]
    [InlineData("97112")]
    [InlineData("97116")]
    [InlineData("97140")]
    [InlineData("97530")]
    [InlineData("97535")]
    [InlineData("97032")]
    [InlineData("97033")]
    [InlineData("97035")]
    [InlineData("97750")]
    [InlineData("97760")]
    [InlineData("97761")]
    [InlineData("97763")]
    public void DomainTimedCodesAreTimed(string code) => Assert.True(ProcedureCatalog.Find(code)!.Timed);

    [Theory]
    [InlineData("97161")]
    [InlineData("97162")]
    [InlineData("97163")]
    [InlineData("97164")]
    [InlineData("97010")]
    [InlineData("97012")]
    [InlineData("97014")]
    [InlineData("G0283")]
    [InlineData("97016")]
    [InlineData("97018")]
    [InlineData("97022")]
    [InlineData("97150")]
    public void DomainUntimedCodesAreUntimed(string code) => Assert.False(ProcedureCatalog.Find(code)!.Timed);

    [Fact]
    public void CodesAreUniqueAndDescribed()
    {
        Assert.Equal(ProcedureCatalog.All.Count, ProcedureCatalog.All.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ProcedureCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Descriptor)));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownCodesAreNotFound(string? code) => Assert.Null(ProcedureCatalog.Find(code));
}
