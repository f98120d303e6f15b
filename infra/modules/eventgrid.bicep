// The storage account's Event Grid system topic: the blob events behind the blob triggers with source EventGrid
// (PlanSession, MakePreview). Its subscriptions are in infra/blobevents.bicep, deployed once the app runs: each needs
// the app's blobs_extension key, and Event Grid validates the webhook when a subscription is created. Events Event Grid
// gives up on are dead-lettered into a container of the same account, written with the topic's own identity
// (shared keys are off), which may write that container and nothing else.

param storageAccountName string
param location string
param deadLetterContainerName string = 'eventgrid-deadletter'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${storageAccountName}-events'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: deadLetters
  name: guid(deadLetters.id, topic.id, blobDataContributor)
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}

output topicName string = topic.name
output deadLetterContainerName string = deadLetters.name
