package dev.machinemarkets.gateway.machines;

import org.bson.Document;
import org.springframework.stereotype.Component;

import dev.machinemarkets.gateway.GatewaySettings;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;

/**
 * The check in front of every machine-scoped endpoint: the machine exists (404), has a valid identity
 * proof when verification is required (403 MACHINE_NOT_ACTIVATED), and is active (409 MACHINE_NOT_ACTIVE).
 * Activation is checked first because an unverified machine cannot become active at all.
 */
@Component
public class MachineGate {

    private final MachineViews machines;
    private final GatewaySettings settings;

    public MachineGate(MachineViews machines, GatewaySettings settings) {
        this.machines = machines;
        this.settings = settings;
    }

    public Document require(String machineId) {
        Document machine = machines.find(machineId).orElseThrow(() -> ApiException.notFound("machine", machineId));
        if (settings.verificationRequired() && machine.get("identityProof") == null) {
            throw new ApiException(ErrorCode.MACHINE_NOT_ACTIVATED,
                    "machine " + machineId + " has no verified identity proof");
        }
        String status = machine.getString("status");
        if (!MachineStatus.ACTIVE.wire().equals(status)) {
            throw new ApiException(ErrorCode.MACHINE_NOT_ACTIVE,
                    "machine " + machineId + " is " + status + ", not active");
        }
        return machine;
    }
}
