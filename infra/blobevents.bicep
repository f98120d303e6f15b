// The Event Grid subscriptions of the blob triggers with source EventGrid: deploy after infra/main.bicep, once the
// Function App runs (docs/deploy.md): the webhook's key (blobs_extension) exists only when the host has loaded the
// blob extension, and Event Grid validates the webhook when a subscription is created. One subscription per
// function; its filter keeps the function's path (the DevHost derives the same filters: BlobEventSubscription).

@description('The Function App (output functionAppName of main.bicep).')
param functionAppName string

@description('The pipeline storage account (output storageAccountName of main.bicep).')
param storageAccountName string

@description('Delivery attempts before an event is dead-lettered (Event Grid retries on its schedule: 10 s, 30 s, 1 min, 5 min, ...).')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Minutes an event is retried before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

var triggers = [
  {
    function: 'PlanSession'
    subjectBeginsWith: '/blobServices/default/containers/recordings/blobs/'
    subjectEndsWith: '/session.json'
  }
  {
    function: 'MakePreview'
    subjectBeginsWith: '/blobServices/default/containers/recordings/blobs/'
    subjectEndsWith: ''
  }
]

resource app 'Microsoft.Web/sites@2023-12-01' existing = {
  name: functionAppName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: '${storageAccountName}-events'
}

resource subscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = [for trigger in triggers: {
  parent: topic
  name: 'blob-${toLower(trigger.function)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${trigger.function}&code=${listKeys('${app.id}/host/default', '2023-12-01').systemKeys.blobs_extension}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: trigger.subjectBeginsWith
      subjectEndsWith: trigger.subjectEndsWith
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: account.id
          blobContainerName: 'eventgrid-deadletter'
        }
      }
    }
  }
}]
