using System.Net;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Operations;

/// <summary>What the log and the metrics' door are given, without a host.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public void A_refused_letter_is_logged_without_the_recipients_address()
    {
        var logged = LetterLog.WithoutAddresses("5.1.1 <elkina.ap@school7.ru>: Recipient address rejected; also Tainova@B.example");
        logged.ShouldNotContain("@");
        logged.ShouldBe("5.1.1 <<адрес>>: Recipient address rejected; also <адрес>");
    }

    [Fact]
    public void Metrics_are_open_to_loopback_and_the_listed_networks_only()
    {
        var options = new MetricsAccessOptions { AllowedNetworks = ["10.0.0.0/24", " 192.0.2.9 "] };
        options.IsValid.ShouldBeTrue();
        options.Admits(IPAddress.Loopback).ShouldBeTrue();
        options.Admits(IPAddress.IPv6Loopback).ShouldBeTrue();
        options.Admits(IPAddress.Parse("10.0.0.200")).ShouldBeTrue();
        options.Admits(IPAddress.Parse("::ffff:10.0.0.7")).ShouldBeTrue();
        options.Admits(IPAddress.Parse("192.0.2.9")).ShouldBeTrue();
        options.Admits(IPAddress.Parse("10.0.1.1")).ShouldBeFalse();
        options.Admits(null).ShouldBeFalse();
        new MetricsAccessOptions { AllowedNetworks = ["school-server"] }.IsValid.ShouldBeFalse();
    }
}
