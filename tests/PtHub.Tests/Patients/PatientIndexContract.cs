using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Patients;

/// <summary>What every <see cref="IPatientIndex"/> must do; run against SQLite and PostgreSQL by the classes below.</summary>
public abstract class PatientIndexContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IPatientIndex> NewIndexAsync();

    private static string NewClinic() => "ix-" + Guid.NewGuid().ToString("N")[..10];

    private static PatientSearch Search(string clinicId, string q) => PatientSearch.Parse(clinicId, q).Search!;

    private static async Task<string[]> NamesAsync(IPatientIndex index, string clinicId, string q) =>
        [.. (await index.SearchAsync(Search(clinicId, q), Ct)).Select(m => $"{m.LastName}, {m.FirstName}")];

    [Fact]
    public async Task NamesAreFoundByFoldedPrefixesInEitherOrderBestFirst()
    {
        var index = await NewIndexAsync();
        var clinic = NewClinic();
        await index.UpsertAsync(new(clinic, "p1", "José", "Smith", new DateOnly(1980, 1, 2), "(555) 123-4567"), Ct);
        await index.UpsertAsync(new(clinic, "p2", "Josefina", "Smithson", new DateOnly(1981, 1, 2), null), Ct);
        await index.UpsertAsync(new(clinic, "p3", "Ann", "Smith", new DateOnly(1982, 1, 2), null), Ct);
        await index.UpsertAsync(new(NewClinic(), "p4", "José", "Smith", new DateOnly(1980, 1, 2), null), Ct);

        Assert.Equal(["Smith, José", "Smithson, Josefina"], await NamesAsync(index, clinic, "jose smith"));
        Assert.Equal(["Smith, José", "Smithson, Josefina"], await NamesAsync(index, clinic, "SMI jo"));
        Assert.Equal(["Smith, Ann", "Smith, José", "Smithson, Josefina"], await NamesAsync(index, clinic, "smith"));
        Assert.Equal([30, 20], (await index.SearchAsync(Search(clinic, "jose smith"), Ct)).Select(m => m.Rank));
    }

    [Fact]
    public async Task BirthDateAndTrailingPhoneDigitsAreFound()
    {
        var index = await NewIndexAsync();
        var clinic = NewClinic();
        await index.UpsertAsync(new(clinic, "p1", "Ada", "Lund", new DateOnly(1980, 1, 2), "(555) 123-4567"), Ct);
        await index.UpsertAsync(new(clinic, "p2", "Bea", "Lund", new DateOnly(1980, 2, 1), "+1 555 999 4567"), Ct);

        Assert.Equal(["Lund, Ada"], await NamesAsync(index, clinic, "1/2/1980"));
        Assert.Equal(["Lund, Ada", "Lund, Bea"], await NamesAsync(index, clinic, "4567"));
        var exact = await index.SearchAsync(Search(clinic, "555-123-4567"), Ct);
        Assert.Equal(("p1", "4567", 30), (exact.Single().PatientId, exact[0].PhoneLast4, exact[0].Rank));
    }

    [Fact]
    public async Task AnUpsertReplacesTheOldNamesAndARemoveDropsThePatient()
    {
        var index = await NewIndexAsync();
        var clinic = NewClinic();
        await index.UpsertAsync(new(clinic, "p1", "Maria", "Gonzalez", new DateOnly(1975, 6, 7), null), Ct);
        await index.UpsertAsync(new(clinic, "p1", "Maria", "Okafor", new DateOnly(1975, 6, 7), null), Ct);
        await index.UpsertAsync(new(clinic, "p1", "Maria", "Okafor", new DateOnly(1975, 6, 7), null), Ct);

        Assert.Empty(await NamesAsync(index, clinic, "gonzalez"));
        Assert.Equal(["Okafor, Maria"], await NamesAsync(index, clinic, "okaf mar"));

        await index.RemoveAsync(clinic, "p1", Ct);

        Assert.Empty(await NamesAsync(index, clinic, "okafor"));
        Assert.Empty(await NamesAsync(index, clinic, "1975-06-07"));
    }

    [Fact]
    public async Task DuplicatesAreSameFoldedNamesAndBirthDateOrSamePhone()
    {
        var index = await NewIndexAsync();
        var clinic = NewClinic();
        await index.UpsertAsync(new(clinic, "p1", "José", "Smith", new DateOnly(1980, 1, 2), "(555) 123-4567"), Ct);
        await index.UpsertAsync(new(clinic, "p2", "Ann", "Lee", new DateOnly(1990, 1, 2), "4567"), Ct);

        Assert.Equal(["p1"], (await index.FindDuplicatesAsync(new(clinic, "", "jose", "SMITH", new DateOnly(1980, 1, 2), null), Ct)).Select(m => m.PatientId));
        Assert.Equal(["p1"], (await index.FindDuplicatesAsync(new(clinic, "", "Other", "Name", new DateOnly(2000, 1, 1), "555.123.4567"), Ct)).Select(m => m.PatientId));
        Assert.Empty(await index.FindDuplicatesAsync(new(clinic, "", "Cid", "Moe", new DateOnly(2000, 1, 1), "4567"), Ct));
        Assert.Empty(await index.FindDuplicatesAsync(new(clinic, "", "José", "Smith", new DateOnly(1980, 1, 3), null), Ct));
        Assert.Empty(await index.FindDuplicatesAsync(new(clinic, "p1", "José", "Smith", new DateOnly(1980, 1, 2), null), Ct));
    }

    [Fact]
    public async Task VisitLinksArePerVisitAndCanBeRePointed()
    {
        var index = await NewIndexAsync();
        var clinic = NewClinic();
        var day = new DateOnly(2026, 3, 1);
        await index.LinkVisitAsync(clinic, "v1", "p1", day, Ct);
        await index.LinkVisitAsync(clinic, "v2", "p2", day.AddDays(1), Ct);
        await index.LinkVisitAsync(clinic, "v3", "p2", day, Ct);
        await index.LinkVisitAsync(clinic, "v3", "p2", day, Ct);

        Assert.Equal(["v3", "v2"], await index.VisitsOfAsync(clinic, "p2", Ct));

        await index.LinkVisitAsync(clinic, "v2", "p1", day.AddDays(1), Ct);

        Assert.Equal(["v1", "v2"], await index.VisitsOfAsync(clinic, "p1", Ct));
        Assert.Equal(["v3"], await index.VisitsOfAsync(clinic, "p2", Ct));
    }
}
