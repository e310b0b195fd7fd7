namespace Kubelike.Client.Informers;

/// <summary>An <see cref="IResourceEventHandler{T}"/> from delegates; the ones left null ignore their events.</summary>
public sealed class ResourceEventHandler<T> : IResourceEventHandler<T>
{
    public Action<T, bool>? Added { get; init; }

    public Action<T, T>? Updated { get; init; }

    public Action<T, bool>? Deleted { get; init; }

    public void OnAdd(T obj, bool isInInitialList) => Added?.Invoke(obj, isInInitialList);

    public void OnUpdate(T oldObj, T newObj) => Updated?.Invoke(oldObj, newObj);

    public void OnDelete(T obj, bool finalStateUnknown) => Deleted?.Invoke(obj, finalStateUnknown);
}
