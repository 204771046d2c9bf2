using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kabar.Cli.Tests;

/// <summary>What the server answers on one path.</summary>
internal sealed record Reply(int Status, string Body = "", string ContentType = "text/html; charset=utf-8", TimeSpan Delay = default)
{
    public Dictionary<string, string> Headers { get; init; } = [];

    public byte[]? Bytes { get; init; }
}

/// <summary>An HTTP server on 127.0.0.1 and a free port, answering from a table the test fills; it records every
/// request (path, User-Agent, If-None-Match). Nothing here talks to any other address.</summary>
internal sealed class LocalServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LocalServer()
    {
        int port = FreePort();
        Root = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Root + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Root { get; }

    public ConcurrentDictionary<string, Func<HttpListenerRequest, Reply>> Routes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Path, string? UserAgent, string? IfNoneMatch)> Requests { get; } = new();

    public void Set(string path, Reply reply) => Routes[path] = _ => reply;

    public int Hits(string path) => Requests.Count(r => r.Path == path);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string path = context.Request.Url!.PathAndQuery;
        Requests.Enqueue((path, context.Request.UserAgent, context.Request.Headers["If-None-Match"]));
        Reply reply = Routes.TryGetValue(path, out Func<HttpListenerRequest, Reply>? route) ? route(context.Request) : new Reply(404, "<p>not here</p>");
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach ((string name, string value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            byte[] body = reply.Bytes ?? Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
