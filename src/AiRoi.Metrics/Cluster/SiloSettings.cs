using System.Net;
using Orleans.Configuration;

namespace AiRoi.Metrics.Cluster;

/// <summary>
/// Where this silo can be reached and how fast the cluster gives up on a silo that stopped answering, from
/// configuration (ADR-0037):
/// <list type="bullet">
/// <item><c>Orleans:Endpoints:AdvertisedIPAddress</c>: the address written into the membership table, on which
/// clients and other silos connect (the app host sets loopback; a multi-machine deployment sets a routable address);</item>
/// <item><c>Orleans:Endpoints:ListenOnAnyAddress</c>: listen on every interface rather than on that address only
/// (behind NAT or in a container, where the advertised address is not the local one);</item>
/// <item><c>Orleans:Membership:*</c>: <see cref="ClusterMembershipOptions"/> (e.g. <c>ProbeTimeout</c>,
/// <c>NumMissedProbesLimit</c>); unset, Orleans' defaults hold, which are the production values.</item>
/// </list>
/// The silo and gateway ports come from <c>Orleans:Endpoints:SiloPort</c>/<c>GatewayPort</c>, which the app host
/// gives each replica.
/// </summary>
public static class SiloSettings
{
    public static ISiloBuilder UseSiloSettings(this ISiloBuilder silo, IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Orleans:Endpoints");
        var advertised = endpoints["AdvertisedIPAddress"] is { Length: > 0 } text
            ? IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"Orleans:Endpoints:AdvertisedIPAddress is not an IP address: '{text}'.")
            : null;
        var listenOnAny = endpoints.GetValue<bool>("ListenOnAnyAddress");
        // After Orleans has read the ports from configuration, so the listening endpoints use them.
        silo.Services.PostConfigure<EndpointOptions>(options =>
        {
            if (advertised is not null)
            {
                options.AdvertisedIPAddress = advertised;
            }
            if (listenOnAny)
            {
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
            }
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        return silo;
    }
}
