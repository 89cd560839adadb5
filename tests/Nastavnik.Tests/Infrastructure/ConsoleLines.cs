using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// The lines the app's console logger would print, written by the console formatter its settings chose (the same formatter, the
/// same scopes), kept in memory: a test reads the log as an operator would without taking over the process's stdout.
/// </summary>
public sealed class ConsoleLines(IEnumerable<ConsoleFormatter> formatters, IOptionsMonitor<ConsoleLoggerOptions> options) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private ConsoleFormatter Formatter => formatters.Single(f => f.Name == (options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple));

    private sealed class Logger(ConsoleLines lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => lines._scopes?.Push(state) ?? NullLogger.Instance.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            using var writer = new StringWriter();
            lines.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), lines._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) lines._lines.Enqueue(line);
        }
    }
}
