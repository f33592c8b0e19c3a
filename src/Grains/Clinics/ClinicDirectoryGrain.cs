using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

internal sealed class ClinicDirectoryGrain(
    [PersistentState("directory", StorageNames.State)] IPersistentState<ClinicDirectoryState> directory) : Grain, IClinicDirectoryGrain
{
    public const string Key = "all";

    public async Task Register(string clinicId, string name)
    {
        var listing = new ClinicListing(clinicId, name);
        var index = directory.State.Clinics.FindIndex(c => c.ClinicId == clinicId);
        if (index >= 0 && directory.State.Clinics[index] == listing)
        {
            return;
        }

        if (index >= 0)
        {
            directory.State.Clinics[index] = listing;
        }
        else
        {
            directory.State.Clinics.Add(listing);
        }

        await directory.WriteOrDropAsync(this);
    }

    public Task<IReadOnlyList<ClinicListing>> List() =>
        Task.FromResult<IReadOnlyList<ClinicListing>>(directory.State.Clinics.ToArray());
}
