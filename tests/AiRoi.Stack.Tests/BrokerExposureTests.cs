using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting.ApplicationModel;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The local broker is reachable from this machine only: AMQP, Erlang distribution and the port mapper listen on
/// loopback, and the default guest account does not exist (the node's only user has a generated password).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class BrokerExposureTests(StackFixture stack)
{
    [Fact]
    public async Task Every_port_of_the_broker_listens_on_loopback_only()
    {
        var model = stack.App.Services.GetRequiredService<DistributedApplicationModel>();
        var broker = model.Resources.OfType<IResourceWithEndpoints>().SingleOrDefault(resource => resource.Name == "messaging");
        if (broker is null || broker is ContainerResource)
        {
            // In containers the engine maps the ports; this checks the local node.
            return;
        }
        var mapper = model.Resources.OfType<IResourceWithEndpoints>().Single(resource => resource.Name == "messaging-epmd");
        var ports = broker.Annotations.OfType<EndpointAnnotation>().Concat(mapper.Annotations.OfType<EndpointAnnotation>())
            .Select(endpoint => endpoint.AllocatedEndpoint!.Port)
            .ToList();
        Assert.Equal(3, ports.Count);

        var listening = ListeningSockets().Where(socket => ports.Contains(socket.Port)).ToList();

        Assert.Equal(ports.Order(), listening.Select(socket => socket.Port).Distinct().Order());
        Assert.All(listening, socket => Assert.True(socket.Loopback, $"port {socket.Port} listens on {socket.Address}, not loopback"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_guest_account_cannot_connect()
    {
        var uri = new Uri((await stack.App.GetConnectionStringAsync("messaging"))!);
        var factory = new ConnectionFactory { HostName = uri.Host, Port = uri.Port, UserName = "guest", Password = "guest" };

        await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());
    }

    /// <summary>The listening TCP sockets of this machine, from /proc/net/tcp and tcp6.</summary>
    private static IEnumerable<(int Port, string Address, bool Loopback)> ListeningSockets()
    {
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields[3] != "0A")
                {
                    continue; // not LISTEN
                }
                var local = fields[1].Split(':');
                var address = local[0];
                var port = int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                // 127.x.x.x is 7F in the last byte of the little-endian IPv4 field; ::1 is the IPv6 loopback.
                var loopback = address.Length == 8 ? address.EndsWith("7F", StringComparison.Ordinal)
                    : address == "00000000000000000000000001000000";
                yield return (port, address, loopback);
            }
        }
    }
}
