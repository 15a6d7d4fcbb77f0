using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace Corpus.PluginRegistry
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class PluginAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
        public int Order { get; init; }
    }

    public interface IPlugin
    {
        string Name { get; }
        void Initialize(IServiceLocator services);
    }

    public interface IServiceLocator
    {
        T? Get<T>() where T : class;
    }

    /// <summary>
    /// Plugins are discovered once (a static <see cref="Lazy{T}"/>) and each plugin instance is created
    /// on first use through its own <see cref="Lazy{T}"/>; registration at run time takes the
    /// registry lock, and the process-wide discovery cache is guarded by <c>typeof(PluginRegistry)</c>.
    /// </summary>
    public sealed class PluginRegistry
    {
        private static readonly Lazy<IReadOnlyList<Type>> s_discovered = new(DiscoverAll, LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Dictionary<Assembly, Type[]> s_scanned = new();

        private readonly object _registryGate = new();
        private readonly Dictionary<string, Lazy<IPlugin>> _plugins = new(StringComparer.OrdinalIgnoreCase);
        private readonly IServiceLocator _services;
        private int _initialized;

        public PluginRegistry(IServiceLocator services)
        {
            _services = services;
            foreach (var type in s_discovered.Value)
            {
                Register(type);
            }
        }

        public static IReadOnlyList<Type> Discovered => s_discovered.Value;

        public int InitializedCount => Volatile.Read(ref _initialized);

        private static IReadOnlyList<Type> DiscoverAll()
            => AppDomain.CurrentDomain.GetAssemblies()
                .SelectMany(Scan)
                .OrderBy(type => type.GetCustomAttribute<PluginAttribute>()!.Order)
                .ToArray();

        public static Type[] Scan(Assembly assembly)
        {
            lock (typeof(PluginRegistry))
            {
                if (s_scanned.TryGetValue(assembly, out var cached))
                {
                    return cached;
                }

                Type[] found;
                try
                {
                    found = assembly.GetTypes()
                        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(type) && type.IsDefined(typeof(PluginAttribute)))
                        .ToArray();
                }
                catch (ReflectionTypeLoadException exception)
                {
                    found = exception.Types.OfType<Type>().Where(type => typeof(IPlugin).IsAssignableFrom(type)).ToArray();
                }

                s_scanned[assembly] = found;
                return found;
            }
        }

        public void Register(Type pluginType)
        {
            var name = pluginType.GetCustomAttribute<PluginAttribute>()?.Name ?? pluginType.Name;
            var lazy = new Lazy<IPlugin>(() => Create(pluginType), LazyThreadSafetyMode.ExecutionAndPublication);
            lock (_registryGate)
            {
                _plugins.TryAdd(name, lazy);
            }
        }

        public void Register<TPlugin>(string name) where TPlugin : class, IPlugin, new()
        {
            lock (_registryGate)
            {
                _plugins[name] = new Lazy<IPlugin>(() => Initialize(new TPlugin()));
            }
        }

        private IPlugin Create(Type pluginType)
            => Initialize((IPlugin)(Activator.CreateInstance(pluginType) ?? throw new InvalidOperationException($"cannot create {pluginType}")));

        private IPlugin Initialize(IPlugin plugin)
        {
            plugin.Initialize(_services);
            Interlocked.Increment(ref _initialized);
            return plugin;
        }

        public bool TryGet(string name, out IPlugin? plugin)
        {
            Lazy<IPlugin>? lazy;
            lock (_registryGate)
            {
                _plugins.TryGetValue(name, out lazy);
            }

            // Created outside the registry lock: a plugin's Initialize may look other plugins up.
            plugin = lazy?.Value;
            return plugin != null;
        }

        public IReadOnlyCollection<string> Names
        {
            get
            {
                lock (_registryGate)
                {
                    return _plugins.Keys.ToArray();
                }
            }
        }
    }

    [Plugin("echo", Order = 10)]
    public sealed class EchoPlugin : IPlugin
    {
        public string Name => "echo";

        public void Initialize(IServiceLocator services)
        {
        }
    }
}
