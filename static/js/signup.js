// Show only the questions that fit "I am a tenant" or "I am a home seeker".
document.addEventListener("DOMContentLoaded", () => {
    const choices = document.querySelectorAll('input[name="kind"]');
    const groups = {
        tenant: document.getElementById("tenant-fields"),
        home_seeker: document.getElementById("seeker-fields"),
    };
    if (!choices.length || !groups.tenant || !groups.home_seeker) return;
    const update = () => {
        const chosen = document.querySelector('input[name="kind"]:checked');
        for (const [kind, group] of Object.entries(groups)) {
            group.hidden = chosen ? chosen.value !== kind : false;
        }
    };
    choices.forEach((choice) => choice.addEventListener("change", update));
    update();
});
