using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Api;

/// <summary>
/// The screens' TypeScript types are generated from src/Web/ClientApp/openapi.json, so that file must be the document
/// the server serves, and the document must describe the JSON as it really is.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class OpenApiContractTests(NodeFixture fixture)
{
    /// <summary>Set to 1 to rewrite openapi.json from the running server (then rebuild, so api.gen.ts follows).</summary>
    private const string UpdateVariable = "PTHUB_UPDATE_OPENAPI";

    private static string CommittedPath => Path.Combine(AppNode.WebProjectDirectory, "ClientApp", "openapi.json");

    [Fact]
    public async Task TheScreensTypesComeFromTheDocumentTheServerServes()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"src/Web/ClientApp/openapi.json is not the served document; refresh it: {UpdateVariable}=1 ./scripts/test.sh -p:SkipClientApp=true --filter \"FullyQualifiedName~OpenApiContract\"");
    }

    [Fact]
    public async Task ListsAreArraysOfTheirItemsAndNumbersAreNumbers()
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!;

        var rows = schemas["ValueListOfBoardRow"]!;
        Assert.Equal("array", rows["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/BoardRow", rows["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("integer", schemas["BoardView"]!["properties"]!["version"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("BoardDelta")]
    [InlineData("LobbyView")]
    [InlineData("ManagerView")]
    [InlineData("ScheduleDelta")]
    [InlineData("TherapistDayDelta")]
    public async Task WhatTheLiveProtocolPushesIsInTheDocument(string message)
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!;

        Assert.Equal("object", schemas[message]?["type"]?.GetValue<string>());
        Assert.Contains("version", schemas[message]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    /// <summary>The served document without its server address, which is the test node's.</summary>
    private async Task<JsonNode> ServedAsync()
    {
        var document = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        document.Remove("servers");
        return document;
    }
}
