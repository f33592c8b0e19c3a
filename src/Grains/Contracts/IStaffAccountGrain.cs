namespace PtHub.Grains.Contracts;

/// <summary>One member of staff's account (key: <see cref="StaffAccount.IdOf"/> of the user name).</summary>
[Alias("PtHub.IStaffAccountGrain")]
public interface IStaffAccountGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave]
    Task<StaffAccount?> Get();

    /// <summary>Replaces the account; false when it does not exist (accounts are created through the directory).</summary>
    [Alias("Update")]
    Task<bool> Update(StaffAccount account);

    /// <summary>Used by the directory only: true when the account was new.</summary>
    [Alias("Create")]
    Task<bool> Create(StaffAccount account);
}
