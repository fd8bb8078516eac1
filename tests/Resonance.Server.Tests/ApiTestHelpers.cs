using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Resonance.Application.Scoring;

namespace Resonance.Server.Tests;

/// <summary>Small helpers shared by the API tests.</summary>
internal static class ApiTestHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this WebClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<(HttpStatusCode Status, string Body)> SendJsonAsync(this WebClient client, HttpMethod method, string path, object? value)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = value is null ? null : JsonContent.Create(value) };
        using var response = await client.Http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The account a demo sign-in holds.</summary>
    public static async Task<AccountRef> AccountOfAsync(this ServerFixture fixture, string email)
    {
        var label = fixture.SignIns.FirstOrDefault(s => s.Email == email)?.Account ?? Member(email);
        return await AccountNames.ResolveAsync(fixture.Store, label, Ct);
    }

    private static string Member(string email) => throw new ArgumentException($"{email} holds no account in the fixture");

    /// <summary>/people/{network}/{id} path of an account (page or API).</summary>
    public static string PersonPath(AccountRef a, bool api) =>
        $"{(api ? "/api/v1" : "")}/people/{Uri.EscapeDataString(a.Network)}/{Uri.EscapeDataString(a.ExternalId)}";
}
