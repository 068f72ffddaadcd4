package dev.courier.system;

import com.google.cloud.tasks.v2.CloudTasksSettings;

/** The client contract over REST: {@code newHttpJsonBuilder()} with Courier's HTTP endpoint. */
class RestClientContractIT extends ClientContract {

    @Override
    Transport transport() {
        return Transport.REST;
    }

    @Override
    CloudTasksSettings.Builder settings() {
        return CloudTasksSettings.newHttpJsonBuilder().setEndpoint(CourierApi.ARQUILLIAN_SERVER);
    }
}
