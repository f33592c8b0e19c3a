namespace PtHub.Grains.Contracts;

/// <summary>Every staff account's id (key: "all"). Written when an account is created, so never on a hot path.</summary>
[Alias("PtHub.IStaffDirectoryGrain")]
public interface IStaffDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; false when the user name is taken.</summary>
    [Alias("Create")]
    Task<bool> Create(StaffAccount account);

    /// <summary>
    /// Creates the first administrator, only while no account exists at all. Nodes starting together race for it;
    /// this grain lets exactly one win, and only that node shows the generated password.
    /// </summary>
    [Alias("CreateFirstAdmin")]
    Task<bool> CreateFirstAdmin(StaffAccount admin);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<string>> List();
}
