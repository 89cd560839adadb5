using Xunit.Abstractions;
using Xunit.Sdk;

// The test classes say [Fact] and [Theory] as usual; inside the Nastavnik.Tests namespace these two names resolve to the
// attributes below (a type of the enclosing namespace wins over a using), so every test of this project gets the rule without
// a new attribute to remember: a PostgreSQL test class is skipped with a reason when no server is given, instead of failing.
// ./test.sh always starts a server and sets NASTAVNIK_TEST_PG, so there they all run.

namespace Nastavnik.Tests
{

    /// <summary>A fact that is skipped, with the reason, in a PostgreSQL test class when NASTAVNIK_TEST_PG is not set.</summary>
    [XunitTestCaseDiscoverer("Nastavnik.Tests.Infrastructure.DatabaseFactDiscoverer", "Nastavnik.Tests")]
    public sealed class FactAttribute : Xunit.FactAttribute;

    /// <summary>A theory that is skipped, with the reason, in a PostgreSQL test class when NASTAVNIK_TEST_PG is not set.</summary>
    [XunitTestCaseDiscoverer("Nastavnik.Tests.Infrastructure.DatabaseTheoryDiscoverer", "Nastavnik.Tests")]
    public sealed class TheoryAttribute : Xunit.TheoryAttribute;

}

namespace Nastavnik.Tests.Infrastructure
{
    internal static class PostgresTests
    {
        public const string SkipReason =
            "PostgreSQL tests need a server: NASTAVNIK_TEST_PG is not set. Run ./test.sh, which starts a throwaway PostgreSQL on loopback.";

        public static bool ServerGiven => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NASTAVNIK_TEST_PG"));

        /// <summary>A PostgreSQL test class: it is in the "postgres" collection or its name ends with _Postgres.</summary>
        public static bool NeedsServer(ITestMethod method) =>
            method.TestClass.TestCollection.DisplayName == "postgres" || method.TestClass.Class.Name.EndsWith("_Postgres", StringComparison.Ordinal);

        public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method) =>
            new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, SkipReason);
    }

    public sealed class DatabaseFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
    {
        public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
            PostgresTests.NeedsServer(method) && !PostgresTests.ServerGiven
                ? [PostgresTests.Skipped(DiagnosticMessageSink, options, method)]
                : base.Discover(options, method, attribute);
    }

    public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
    {
        public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
            PostgresTests.NeedsServer(method) && !PostgresTests.ServerGiven
                ? [PostgresTests.Skipped(DiagnosticMessageSink, options, method)]
                : base.Discover(options, method, attribute);
    }
}
