using System.Net;
using System.Text.RegularExpressions;

namespace Resonance.Server.Tests;

/// <summary>An HTTP client with a cookie jar that fills and posts the server's forms the way a browser without
/// JavaScript would: it reads the form's hidden fields (the antiforgery token and the handler name) from the page.</summary>
public sealed partial class WebClient : IDisposable
{
    private readonly HttpClient _http;

    public WebClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Loads <paramref name="page"/>, finds the form whose handler is <paramref name="formName"/>, and posts
    /// its hidden fields plus <paramref name="fields"/>. Returns the response (redirects are not followed).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var html = await GetStringAsync(page);
        var form = FormPattern().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no form '{formName}' on {page}");
        var action = ActionPattern().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : page;
        var values = HiddenPattern().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }
        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in through the sign-in page; fails the test if it does not redirect.</summary>
    public async Task SignInAsync(string email, string password)
    {
        using var response = await SubmitAsync("/signin", "signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
