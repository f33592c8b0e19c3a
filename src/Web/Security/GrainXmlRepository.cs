using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Keeps the data-protection keys in PtHub's storage through a grain, so all nodes share them (SQLite or
/// PostgreSQL alike). Data protection calls this synchronously and rarely: at the first use of the key ring and
/// when it is refreshed.
/// </summary>
internal sealed class GrainXmlRepository(IGrainFactory grains) : IXmlRepository
{
    private IDataProtectionKeysGrain Keys => grains.GetGrain<IDataProtectionKeysGrain>("all");

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Task.Run(() => Keys.GetAll()).GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => Keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
