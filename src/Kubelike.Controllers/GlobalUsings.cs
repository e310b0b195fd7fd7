// The event recorder lives in the client library (as client-go's tools/record does); every controller records events.
global using Kubelike.Client.Events;
